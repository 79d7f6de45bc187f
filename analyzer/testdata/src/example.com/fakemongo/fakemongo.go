// Package fakemongo mimics the shape of the MongoDB driver API without being it.
// Analyzers must not treat calls into this package as MongoDB calls.
package fakemongo

import "context"

type M map[string]interface{}

type UpdateResult struct {
	MatchedCount  int64
	ModifiedCount int64
}

type SingleResult struct {
	err error
}

func (sr *SingleResult) Decode(v interface{}) error { return sr.err }

func (sr *SingleResult) Err() error { return sr.err }

type UpdateOptions struct{}

type Collection struct{}

func (c *Collection) UpdateOne(ctx context.Context, filter interface{}, update interface{},
	opts ...*UpdateOptions) (*UpdateResult, error) {
	return &UpdateResult{}, nil
}

func (c *Collection) UpdateMany(ctx context.Context, filter interface{}, update interface{},
	opts ...*UpdateOptions) (*UpdateResult, error) {
	return &UpdateResult{}, nil
}

func (c *Collection) UpdateByID(ctx context.Context, id interface{}, update interface{},
	opts ...*UpdateOptions) (*UpdateResult, error) {
	return &UpdateResult{}, nil
}

func (c *Collection) ReplaceOne(ctx context.Context, filter interface{}, replacement interface{},
	opts ...*UpdateOptions) (*UpdateResult, error) {
	return &UpdateResult{}, nil
}

func (c *Collection) FindOneAndUpdate(ctx context.Context, filter interface{}, update interface{},
	opts ...*UpdateOptions) *SingleResult {
	return &SingleResult{}
}

func (c *Collection) FindOneAndReplace(ctx context.Context, filter interface{}, replacement interface{},
	opts ...*UpdateOptions) *SingleResult {
	return &SingleResult{}
}

type UpdateOneModel struct {
	Filter interface{}
	Update interface{}
}

func NewUpdateOneModel() *UpdateOneModel { return &UpdateOneModel{} }

func (m *UpdateOneModel) SetFilter(filter interface{}) *UpdateOneModel {
	m.Filter = filter
	return m
}

func (m *UpdateOneModel) SetUpdate(update interface{}) *UpdateOneModel {
	m.Update = update
	return m
}
